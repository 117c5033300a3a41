/**
 * Voice of the members (职工之声): suggestions (合理化建议) with a named holder and deadline at every step and chasing
 * (督办) when one is missed, a points ledger fed by the other modules' events, the secret democratic evaluation of
 * officers (民主评议), workers' congress motions (职代会提案) filed, co-signed, answered and rated, surveys (问卷调查),
 * named or anonymous, and moderated discussions (交流探讨).
 */
package org.tongxin.voice;
