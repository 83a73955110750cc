package cn.servicemap.gis.access;

/**
 * The travel time at a place and the station it belongs to.
 *
 * @param timeInMillis travel time in ms, {@link AccessField#UNREACHED} if beyond the search's time limit
 * @param sourceIndex  index of the nearest source (ties go to the lower index), -1 if unreached
 */
public record Reach(int timeInMillis, int sourceIndex) {
    static final Reach NONE = new Reach(AccessField.UNREACHED, -1);

    public boolean isReached() {
        return sourceIndex >= 0;
    }

    /** Travel time in minutes, +∞ if unreached. */
    public double minutes() {
        return isReached() ? timeInMillis / 60_000.0 : Double.POSITIVE_INFINITY;
    }
}
