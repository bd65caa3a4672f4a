package org.weft.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A place in the instance's own hierarchy, e.g. {@code camp-a/block-3}; the code is its path. */
@Entity
@Table(name = "area")
public class AreaEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 190)
    private String code;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(name = "parent_id")
    private Long parentId;
    private Double latitude;
    private Double longitude;

    protected AreaEntity() {
    }

    public AreaEntity(String code, String name, Long parentId) {
        this.code = code;
        this.name = name;
        this.parentId = parentId;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Long getParentId() {
        return parentId;
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setCentre(Double latitude, Double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }
}
