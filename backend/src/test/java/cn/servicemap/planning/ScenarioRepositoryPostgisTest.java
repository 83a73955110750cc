package cn.servicemap.planning;

import cn.servicemap.support.MigratedDatabase;
import cn.servicemap.support.RequiresPostgis;

@RequiresPostgis
class ScenarioRepositoryPostgisTest extends ScenarioRepositoryContract {
    @Override
    MigratedDatabase database() {
        return MigratedDatabase.postgis();
    }
}
