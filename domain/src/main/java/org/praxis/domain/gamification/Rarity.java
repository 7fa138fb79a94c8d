package org.praxis.domain.gamification;

/** Seed 003's rarity tiers of a badge with criteria, rarest last. */
public enum Rarity { COMMON, RARE, EPIC, LEGENDARY }
