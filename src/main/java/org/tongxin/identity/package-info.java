/**
 * Identity: accounts and log-in (employee number or phone), roles scoped to the tree, lock-out,
 * first-log-in password change, the language a person chose, and the pages over the audit trail.
 */
package org.tongxin.identity;
