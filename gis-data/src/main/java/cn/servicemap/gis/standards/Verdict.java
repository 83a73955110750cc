package cn.servicemap.gis.standards;

/** Whether a station meets one item of a standard, as far as its registry record tells. */
public enum Verdict {
    /** The record shows it (达到). */
    MET("达到"),
    /** The record shows it is not there (缺少). */
    MISSING("缺少"),
    /** The record cannot tell: the fact is not recorded, or not kept in a registry at all (需现场核实). */
    UNKNOWN("需现场核实");

    private final String nameZh;

    Verdict(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
