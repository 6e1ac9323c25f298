-- Filled in by the country-codes change: stored countries normalised to ISO 3166-1 alpha-2.
SELECT 1;
