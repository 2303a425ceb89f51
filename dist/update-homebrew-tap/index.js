import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{c as r}from"../chunks/chunk-SS7KDLGT.js";import"../chunks/chunk-DUTYZMLL.js";import"../chunks/chunk-XLCQ3ESY.js";import"../chunks/chunk-VGSGA5SJ.js";import"../chunks/chunk-KUB5LXT4.js";import"../chunks/chunk-TMUFYHN2.js";import{a as t}from"../chunks/chunk-FLLG7OJP.js";import{c as o}from"../chunks/chunk-L2MW37RY.js";import"../chunks/chunk-NOSJUC3V.js";import"../chunks/chunk-6JHUWM2L.js";await o(r,new t);
//# sourceMappingURL=index.js.map
