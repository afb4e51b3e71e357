/**
 * How the service starts in its container image: with the bean definitions Spring worked out when the image was
 * built (Spring's ahead-of-time processing), but only when the settings that decided them are the same now
 * ({@link AheadOfTimeSwitch}); otherwise it starts the ordinary way, slower but right for any settings.
 */
@NullMarked
package dev.stockroom.shared.startup;

import org.jspecify.annotations.NullMarked;
