/**
 * Building blocks every module uses: the error model and web infrastructure ({@code shared.web}), cursor
 * paging ({@code shared.paging}) and the embedded database used when no external one is configured
 * ({@code shared.database}). It is an open module: its sub-packages are usable from every other module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.stockroom.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
