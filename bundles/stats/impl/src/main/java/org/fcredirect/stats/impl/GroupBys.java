package org.fcredirect.stats.impl;

import org.fcredirect.stats.api.GroupBy;

/** Dimensions are stored by {@link GroupBy#ordinal()}. */
final class GroupBys {
    static final GroupBy[] ALL = GroupBy.values();
    static final int COUNT = ALL.length;

    private GroupBys() {
    }
}
