/**
 * Rights (职工诉求与维权): employees' appeals handled by their union to deadlines along a route of units (harassment
 * and safety straight to the committee level), labour-dispute mediation, legal aid, and the chair's mailbox.
 * Appellants may stay confidential or anonymous; officers outside an appeal's route never reach it.
 */
package org.tongxin.rights;
