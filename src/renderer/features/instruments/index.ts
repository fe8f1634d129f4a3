/**
 * Registers every instrument's views (see registry.ts). Imported once by the screens that show
 * steps; each line is one instrument's folder.
 */
import './dialogue-cloth/register';
import './reflection/register';
import './complexity/register';
import './seven-questions/register';
import './personas/register';
import './partnership-matrix/register';

export { instrumentViews } from './registry';
