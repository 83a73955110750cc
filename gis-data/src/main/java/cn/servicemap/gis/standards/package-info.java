/**
 * Facility standards and star criteria as data over a station's registry record: the checklists stations are built
 * to (贵州/武汉“七个一”, 上海“6+X”, 三亚“8个1”, 海南“六有” …, read from {@code facility-standards.csv}) and a city's
 * star criteria ({@code star-criteria.csv}). {@link cn.servicemap.gis.standards.StandardCheck} tells, per item, whether a
 * station meets it, lacks it, or whether the registry cannot tell (需现场核实);
 * {@link cn.servicemap.gis.standards.StarCriteria} tells up to which star the registry supports a grade. Reads
 * {@code InputStream}s; does not depend on the seeds module.
 */
package cn.servicemap.gis.standards;
