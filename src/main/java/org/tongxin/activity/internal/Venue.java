package org.tongxin.activity.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** A venue (阵地) as stored: owned by one body, whose officers keep it and decide who may use it when. */
public record Venue(long id, String name, String kind, String site, Integer capacity, String description,
                    String photoKey, long ownerUnitId, long createdBy, OffsetDateTime createdAt) {

    /** 职工之家, 活动室, 球场, 健身房, 书屋, 会议室, 其他. */
    public static final List<String> KINDS = List.of("WORKERS_HOME", "ACTIVITY_ROOM", "COURT", "GYM", "READING_ROOM",
            "MEETING_ROOM", "OTHER");

    public boolean hasPhoto() {
        return photoKey != null;
    }
}
