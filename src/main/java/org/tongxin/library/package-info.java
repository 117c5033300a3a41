/**
 * Reading rooms and smart lending (职工书屋 + 智能借阅): one catalogue of titles, copies in reading rooms run by
 * union units, loans by scanning a copy's QR at the shelf or at the desk, returns at any room, renewals, a holds
 * queue per title, overdue reminders and blocks, Chinese search, acquisition suggestions and reading records.
 */
package org.tongxin.library;
