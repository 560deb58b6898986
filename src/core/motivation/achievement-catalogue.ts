/**
 * The achievement catalogue shipped in resources/achievements/catalogue.json: read, validated and
 * copied into the `achievements` table at start-up. The file is the source of truth for the
 * definitions; the table exists so unlocks can reference a row.
 */
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ACHIEVEMENT_CRITERIA } from '../../shared/domain';
import { achievements } from '../db/schema';
import type { Db } from '../db/types';

export const ACHIEVEMENT_CATALOGUE_FORMAT = 'teacher-ai-achievements/1';

/**
 * The icons an achievement may name. The renderer maps each to a picture, so the list is closed:
 * an unknown name would show nothing.
 */
export const ACHIEVEMENT_ICONS = [
  'star',
  'book-open',
  'flame',
  'trophy',
  'target',
  'chat',
  'pencil',
  'clock',
  'graduation-cap',
  'calendar',
  'medal',
  'zap',
] as const;
export type AchievementIcon = (typeof ACHIEVEMENT_ICONS)[number];

/** `name` is the stable key: the UI translates by it and the table upserts by it. */
const slug = z
  .string()
  .min(2)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase latin letters, digits and single dashes');

export const achievementDefinitionSchema = z.strictObject({
  name: slug,
  title: z.string().trim().min(1).max(255),
  description: z.string().trim().max(2_000),
  icon: z.enum(ACHIEVEMENT_ICONS),
  criteriaType: z.enum(ACHIEVEMENT_CRITERIA),
  criteriaValue: z.number().int().min(0),
  pointsReward: z.number().int().min(0),
});

export const achievementCatalogueSchema = z
  .strictObject({
    format: z.literal(ACHIEVEMENT_CATALOGUE_FORMAT),
    achievements: z.array(achievementDefinitionSchema).min(1),
  })
  .superRefine((catalogue, ctx) => {
    const seen = new Set<string>();
    catalogue.achievements.forEach((achievement, index) => {
      if (seen.has(achievement.name)) {
        ctx.addIssue({ code: 'custom', path: ['achievements', index, 'name'], message: `duplicate name "${achievement.name}"` });
      }
      seen.add(achievement.name);
    });
  });

export type AchievementDefinition = z.infer<typeof achievementDefinitionSchema>;

export class InvalidAchievementCatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly reasons: string[],
  ) {
    super(`${path.basename(file)}: ${reasons.join('; ')}`);
    this.name = 'InvalidAchievementCatalogueError';
  }
}

/** Parse and validate the catalogue's text; the error names the file and the JSON path of every problem. */
export function parseAchievementCatalogue(file: string, text: string): AchievementDefinition[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidAchievementCatalogueError(file, [`not valid JSON (${(error as Error).message})`]);
  }
  const parsed = achievementCatalogueSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidAchievementCatalogueError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return parsed.data.achievements;
}

export function loadAchievementCatalogue(file: string): AchievementDefinition[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidAchievementCatalogueError(file, [`cannot be read (${(error as Error).message})`]);
  }
  return parseAchievementCatalogue(file, text);
}

/**
 * Upsert the catalogue into `achievements` by name. Rows are never deleted: an achievement dropped
 * from the file keeps its row so the students who unlocked it keep it. Unchanged rows are not
 * rewritten, so their `updated_at` stays put on every ordinary start.
 */
export async function installAchievements(db: Db, catalogue: readonly AchievementDefinition[]): Promise<void> {
  if (catalogue.length === 0) return;
  const rows = catalogue.map((a) => ({
    name: a.name,
    title: a.title,
    description: a.description,
    iconName: a.icon,
    criteriaType: a.criteriaType,
    criteriaValue: a.criteriaValue,
    pointsReward: a.pointsReward,
  }));
  await db
    .insert(achievements)
    .values(rows)
    .onConflictDoUpdate({
      target: achievements.name,
      set: {
        title: sql`excluded.title`,
        description: sql`excluded.description`,
        iconName: sql`excluded.icon_name`,
        criteriaType: sql`excluded.criteria_type`,
        criteriaValue: sql`excluded.criteria_value`,
        pointsReward: sql`excluded.points_reward`,
      },
      setWhere: sql`(${achievements.title}, ${achievements.description}, ${achievements.iconName}, ${achievements.criteriaType}, ${achievements.criteriaValue}, ${achievements.pointsReward})
        IS DISTINCT FROM (excluded.title, excluded.description, excluded.icon_name, excluded.criteria_type, excluded.criteria_value, excluded.points_reward)`,
    });
}
