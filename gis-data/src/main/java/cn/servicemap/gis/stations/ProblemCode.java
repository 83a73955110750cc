package cn.servicemap.gis.stations;

/** Why a value or row was refused: a stable code for programs, beside the reason text for people. */
public enum ProblemCode {
    MISSING_COLUMN,
    /** Neither the user, nor the file, nor its columns (a POI export's) say which coordinate system the file is in. */
    MISSING_COORDINATE_SYSTEM,
    MISSING_VALUE,
    NOT_A_NUMBER,
    NOT_FINITE,
    OUT_OF_RANGE,
    SWAPPED_COORDINATES,
    OUTSIDE_CHINA,
    OUTSIDE_REGION,
    UNKNOWN_KIND,
    UNKNOWN_SERVICE,
    BAD_OPENING_HOURS,
    BAD_PHONE,
    BAD_CAPACITY,
    BAD_DATE,
    BAD_STATUS,
    BAD_ENTRY,
    BAD_YES_NO,
    BAD_AREA,
    TOO_LONG,
    DUPLICATE,
    UNREADABLE_ROW,
    /** A one-column location (AMap's {@code location}, 经纬度, 坐标) that is not "longitude,latitude". */
    BAD_LOCATION
}
