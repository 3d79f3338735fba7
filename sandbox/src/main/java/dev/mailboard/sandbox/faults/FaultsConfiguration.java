package dev.mailboard.sandbox.faults;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers fault injection and throttling. */
@Configuration(proxyBeanMethods = false)
@Import({Faults.class, Throttle.class})
public class FaultsConfiguration {}
