/**
 * Opening hours of service points: {@link cn.servicemap.gis.hours.OpeningHours} (an OSM
 * {@code opening_hours} subset plus common Chinese wording) and the Chinese public-holiday calendar
 * {@link cn.servicemap.gis.hours.HolidayCalendar} it is evaluated against. Times are local wall-clock
 * times; there is no time-zone handling.
 */
package cn.servicemap.gis.hours;
