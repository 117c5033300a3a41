/**
 * The few things every module uses: the signed-in viewer and its data scope, the audit trail,
 * field encryption and masking, paging and web helpers. Open so modules may use its sub-packages.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tongxin.shared;
