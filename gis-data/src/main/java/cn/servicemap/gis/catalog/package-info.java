/**
 * The station catalog: the kinds of service point ({@link cn.servicemap.gis.catalog.StationKind}) and
 * the services they offer ({@link cn.servicemap.gis.catalog.ServiceType}), read from the seed CSV
 * files, and the resolution of the many local names importers meet (爱心驿站, 热水, 空调/取暖 …) to
 * their codes. Reads {@code InputStream}s; does not depend on the seeds module.
 */
package cn.servicemap.gis.catalog;
