// Settings-only styling helpers; form controls live in components/ui/form.tsx.

/** Classes that turn a Button into a destructive one (the design system has no danger variant). */
export const dangerButtonClass = 'bg-rose-600 text-white hover:bg-rose-700 dark:bg-rose-600 dark:hover:bg-rose-500';
/** A secondary Button that leads to a destructive action. */
export const dangerOutlineClass = 'text-rose-700 hover:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-500/10';
