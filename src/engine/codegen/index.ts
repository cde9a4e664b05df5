export { codegenAvailable, forceInterpreted, type Compiled } from './compile.js';
export { compileBind, type Bind } from './sqlite-bind.js';
export { compilePush, type Push, type PushTarget, type Reject } from './codec-push.js';
export { compileInflate, type Inflate } from './codec-inflate.js';
export { compileCompare, type Compare } from './codec-compare.js';
