/**
 * Mobility and care: restructuring moves from HR classified up, lateral, down or out, and the care cases
 * that downward and outward moves open for the employee's union unit, with owners, follow-up plans, talks,
 * counselling and referrals kept encrypted and visible only to the committee and the officers holding the
 * care right on the employee's own chain; restructuring projects; the care calendar and visits.
 */
package org.tongxin.care;
