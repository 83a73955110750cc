package cn.servicemap.jobs;

import cn.servicemap.support.MigratedDatabase;
import cn.servicemap.support.RequiresPostgis;

@RequiresPostgis
class JobsPostgisTest extends JobsContract {
    @Override
    MigratedDatabase database() {
        return MigratedDatabase.postgis();
    }
}
