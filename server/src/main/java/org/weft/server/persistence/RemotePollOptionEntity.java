package org.weft.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One option of a {@link RemotePollEntity}, with the count its sender reported (see V77). */
@Entity
@Table(name = "remote_poll_option")
public class RemotePollOptionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "poll_id", nullable = false)
    private Long pollId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(nullable = false)
    private long votes;

    protected RemotePollOptionEntity() {
    }

    public RemotePollOptionEntity(Long pollId, int position, String name, long votes) {
        this.pollId = pollId;
        this.position = position;
        this.name = name;
        this.votes = votes;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public long getVotes() {
        return votes;
    }

    public void setVotes(long votes) {
        this.votes = votes;
    }
}
