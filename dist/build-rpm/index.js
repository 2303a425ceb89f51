import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as i}from"../chunks/chunk-SANLIHYW.js";import"../chunks/chunk-EQ4AXWEL.js";import"../chunks/chunk-3MU7OOQZ.js";import"../chunks/chunk-VGSGA5SJ.js";import"../chunks/chunk-TMUFYHN2.js";import{a as m}from"../chunks/chunk-FLLG7OJP.js";import{c as o}from"../chunks/chunk-L2MW37RY.js";import"../chunks/chunk-NOSJUC3V.js";import"../chunks/chunk-6JHUWM2L.js";await o(i,new m);
//# sourceMappingURL=index.js.map
