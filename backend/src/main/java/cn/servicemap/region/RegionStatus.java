package cn.servicemap.region;

/** Where a region stands: being imported (导入中), serving (可用), or failed to import (导入失败, with the reason). */
public enum RegionStatus {
    IMPORTING, READY, FAILED
}
