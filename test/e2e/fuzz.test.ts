import { fuzzRoutes } from '../support/fuzz-suite.ts';

// Half the routes; fuzz-2.test.ts takes the other half, so the two run side by side.
fuzzRoutes(0, 2);
