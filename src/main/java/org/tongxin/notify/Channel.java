package org.tongxin.notify;

import java.util.List;

/** One way of reaching people: the inbox now; email and enterprise chat robots plug in the same way. */
public interface Channel {

    void deliver(List<Long> employeeIds, Message message);
}
