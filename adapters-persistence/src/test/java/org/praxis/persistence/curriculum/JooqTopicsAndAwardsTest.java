package org.praxis.persistence.curriculum;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.curriculum.port.out.Awards;
import org.praxis.application.curriculum.port.out.Topics;
import org.praxis.application.curriculum.testing.TopicsAndAwardsContract;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.testing.FreshDatabase;

@ExtendWith(FreshDatabase.class)
class JooqTopicsAndAwardsTest extends TopicsAndAwardsContract {
    private final Topics topics;
    private final Awards awards;

    JooqTopicsAndAwardsTest(DataSource dataSource) {
        var dsl = Jooq.over(dataSource);
        this.topics = new JooqTopics(dsl);
        this.awards = new JooqAwards(dsl);
    }

    @Override
    protected Topics topics() {
        return topics;
    }

    @Override
    protected Awards awards() {
        return awards;
    }
}
