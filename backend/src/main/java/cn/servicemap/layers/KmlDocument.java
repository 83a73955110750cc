package cn.servicemap.layers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A layer as a KML 2.2 document for phone map apps (奥维, Organic Maps, Google Earth …): one Placemark per feature, named
 * by its name (or its layer's title and id), with every other column as ExtendedData (JSON name, Chinese display name, value)
 * and the geometry as a Point or a MultiGeometry of Polygons. KML is WGS84 longitude, latitude by definition. Written
 * with the JDK's StAX writer, which escapes the text.
 */
final class KmlDocument {

    private static final String KML = "http://www.opengis.net/kml/2.2";

    private KmlDocument() {
    }

    /** The KML of the layer, its document named {@code title}. */
    static byte[] write(LayerTable table, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("kml");
            x.writeDefaultNamespace(KML);
            x.writeStartElement("Document");
            text(x, "name", title);
            int nameColumn = -1;
            for (int i = 0; i < table.columns().size(); i++) {
                if (table.columns().get(i).key().equals("name")) {
                    nameColumn = i;
                }
            }
            for (LayerTable.Row row : table.rows()) {
                x.writeStartElement("Placemark");
                if (row.id() != null) {
                    x.writeAttribute("id", table.layer().name() + "-" + row.id());
                }
                Object name = nameColumn < 0 ? null : row.values().get(nameColumn);
                text(x, "name", name != null ? name.toString() : table.layer().title + " " + (row.id() == null ? "" : row.id()));
                x.writeStartElement("ExtendedData");
                for (int i = 0; i < table.columns().size(); i++) {
                    Object v = row.values().get(i);
                    if (v == null || i == nameColumn) {
                        continue; // the name is the Placemark's own
                    }
                    LayerTable.Column c = table.columns().get(i);
                    x.writeStartElement("Data");
                    x.writeAttribute("name", c.key());
                    text(x, "displayName", c.header());
                    text(x, "value", v instanceof Boolean b ? (b ? "是" : "否") : v.toString());
                    x.writeEndElement();
                }
                x.writeEndElement();
                if (row.geometry() != null && !row.geometry().isEmpty()) {
                    geometry(x, row.geometry());
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("KML export failed", e);
        }
        return out.toByteArray();
    }

    private static void geometry(XMLStreamWriter x, Geometry g) throws XMLStreamException {
        if (g instanceof Point p) {
            x.writeStartElement("Point");
            text(x, "coordinates", coordinates(p.getCoordinates()));
            x.writeEndElement();
            return;
        }
        x.writeStartElement("MultiGeometry");
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                x.writeStartElement("Polygon");
                ring(x, "outerBoundaryIs", polygon.getExteriorRing());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    ring(x, "innerBoundaryIs", polygon.getInteriorRingN(h));
                }
                x.writeEndElement();
            }
        }
        x.writeEndElement();
    }

    private static void ring(XMLStreamWriter x, String boundary, LineString ring) throws XMLStreamException {
        x.writeStartElement(boundary);
        x.writeStartElement("LinearRing");
        text(x, "coordinates", coordinates(ring.getCoordinates()));
        x.writeEndElement();
        x.writeEndElement();
    }

    /** "lon,lat lon,lat …" to 7 decimals (about a centimetre). */
    private static String coordinates(Coordinate[] cs) {
        StringBuilder b = new StringBuilder();
        for (Coordinate c : cs) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(String.format(Locale.ROOT, "%.7f,%.7f", c.x, c.y));
        }
        return b.toString();
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "")); // not allowed in XML 1.0
        x.writeEndElement();
    }
}
