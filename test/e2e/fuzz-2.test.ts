import { fuzzRoutes } from '../support/fuzz-suite.ts';

fuzzRoutes(1, 2);
