import { renderErrorsDoc } from './errors-doc.ts';

process.stdout.write(renderErrorsDoc());
