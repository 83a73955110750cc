package cn.servicemap.photos;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A station's photo (驿站照片) as the API answers it.
 *
 * @param kindName       入口 or 内部
 * @param status         APPROVED (shown to everyone) or PENDING (a worker's proposal, shown to the station's editors only)
 * @param url            the image (JPEG, at most the configured stored size, no EXIF)
 * @param thumbnailUrl   its thumbnail
 * @param bytes          the stored image's size in bytes
 * @param takenAt        the date taken: the uploader's, else the photo's EXIF DateTimeOriginal; null when unknown
 * @param proposed       whether a worker proposed it (补充照片) rather than an editor uploading it
 */
@Schema(description = "A station's photo (驿站照片): entrance or inside")
public record Photo(long id, long stationId, String stationName, PhotoKind kind, String kindName, String status, String url,
                    String thumbnailUrl, int width, int height, int thumbnailWidth, int thumbnailHeight, int bytes,
                    @Schema(nullable = true) LocalDate takenAt, OffsetDateTime uploadedAt, boolean proposed) {

    static String url(long id) {
        return "/api/photos/" + id + ".jpg";
    }

    static String thumbnailUrl(long id) {
        return "/api/photos/" + id + "/thumb.jpg";
    }
}
