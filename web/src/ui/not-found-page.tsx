import { NotFound } from './forbidden';

export default NotFound;
