package cn.servicemap.gis.stations;

/** A row that passed every check, with the row number it came from. */
public record ImportedRow(int rowNumber, CheckedStation station) {
}
