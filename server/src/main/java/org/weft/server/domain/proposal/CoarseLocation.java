package org.weft.server.domain.proposal;

import org.weft.server.domain.InvalidInputException;

/**
 * Coordinates made coarse before they are stored or sent: snapped to a grid whose cells are at least
 * 1 km on each side, so a point never pins down a tent or a door. Latitude steps by 0.01° (1.11 km);
 * longitude by 0.01° divided by cos(latitude), so its cells stay over 1.11 km wide away from the equator.
 */
public record CoarseLocation(double latitude, double longitude) {
    static final double LATITUDE_STEP = 0.01;
    /** The radius (km) a snapped point stands for, as sent in {@code Place.radius}. */
    public static final int RADIUS_KM = 1;

    public static CoarseLocation snap(double latitude, double longitude) {
        if (!Double.isFinite(latitude) || !Double.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw InvalidInputException.field("coordinates", "coordinates_out_of_range");
        }
        double lat = round(Math.round(latitude / LATITUDE_STEP) * LATITUDE_STEP);
        double cos = Math.max(Math.cos(Math.toRadians(Math.min(Math.abs(lat), 89))), 0.0175);
        double lonStep = LATITUDE_STEP / cos;
        double lon = round(Math.round(longitude / lonStep) * lonStep);
        return new CoarseLocation(Math.max(-90, Math.min(90, lat)), Math.max(-180, Math.min(180, lon)));
    }

    /** Great-circle distance in km (haversine), for matching by distance. */
    public double distanceKm(CoarseLocation other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
