package cn.servicemap.jobs;

import cn.servicemap.support.MigratedDatabase;

class JobsH2Test extends JobsContract {
    @Override
    MigratedDatabase database() {
        return MigratedDatabase.h2();
    }
}
