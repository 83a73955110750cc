package cn.servicemap.photos;

/**
 * An approved photo as a station's GeoJSON properties carry it: enough to show a thumbnail and link to the image.
 *
 * @param kind         ENTRANCE (入口) or INSIDE (内部)
 * @param url          the image, e.g. {@code /api/photos/12.jpg} (never changes: cached for a year)
 * @param thumbnailUrl its thumbnail, e.g. {@code /api/photos/12/thumb.jpg}
 * @param takenAt      the date taken (ISO, e.g. 2026-05-01), from the photo's EXIF or the uploader; null when unknown
 * @param uploadedAt   when it was uploaded (ISO offset date-time)
 */
public record PhotoRef(long id, String kind, String url, String thumbnailUrl, String takenAt, String uploadedAt) {
}
