package cn.servicemap.feedback;

/** What a worker says is wrong with a station. */
public enum ProblemType {
    CLOSED("已关闭"),
    NO_WATER("没有水"),
    MOVED("位置变了"),
    UNSAFE("不安全"),
    OTHER("其他");

    private final String nameZh;

    ProblemType(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
