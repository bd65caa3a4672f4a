package org.weft.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One option of a poll, in the order it was written (see V65). */
@Entity
@Table(name = "poll_option")
public class PollOptionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "poll_id", nullable = false)
    private Long pollId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false, length = 200)
    private String name;

    protected PollOptionEntity() {
    }

    public PollOptionEntity(Long pollId, int position, String name) {
        this.pollId = pollId;
        this.position = position;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public Long getPollId() {
        return pollId;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }
}
