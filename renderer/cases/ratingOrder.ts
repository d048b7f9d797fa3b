import type { Rating } from '../../src/cases/case'

/** Ratings as the case list and the severity picker offer them: the most severe first. */
export const ratingOrder: Rating[] = ['critical', 'high', 'medium', 'low', 'none']
