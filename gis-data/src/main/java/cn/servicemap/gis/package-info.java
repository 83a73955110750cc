/** The spatial core of ServiceMap: plain Java, no Spring. */
package cn.servicemap.gis;
