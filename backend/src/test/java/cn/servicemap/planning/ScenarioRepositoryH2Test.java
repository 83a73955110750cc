package cn.servicemap.planning;

import cn.servicemap.support.MigratedDatabase;

class ScenarioRepositoryH2Test extends ScenarioRepositoryContract {
    @Override
    MigratedDatabase database() {
        return MigratedDatabase.h2();
    }
}
