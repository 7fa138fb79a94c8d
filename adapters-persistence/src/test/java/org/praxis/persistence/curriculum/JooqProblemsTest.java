package org.praxis.persistence.curriculum;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.curriculum.port.out.Problems;
import org.praxis.application.curriculum.port.out.Topics;
import org.praxis.application.curriculum.testing.ProblemsContract;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.testing.FreshDatabase;

@ExtendWith(FreshDatabase.class)
class JooqProblemsTest extends ProblemsContract {
    private final Problems problems;
    private final Topics topics;

    JooqProblemsTest(DataSource dataSource) {
        var dsl = Jooq.over(dataSource);
        this.problems = new JooqProblems(dsl);
        this.topics = new JooqTopics(dsl);
    }

    @Override
    protected Problems problems() {
        return problems;
    }

    @Override
    protected Topics topics() {
        return topics;
    }
}
