import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{b as i}from"../chunks/chunk-YMWJGUZ6.js";import"../chunks/chunk-3MU7OOQZ.js";import"../chunks/chunk-DUTYZMLL.js";import"../chunks/chunk-KUB5LXT4.js";import"../chunks/chunk-TMUFYHN2.js";import{a as r}from"../chunks/chunk-FLLG7OJP.js";import{c as o}from"../chunks/chunk-L2MW37RY.js";import"../chunks/chunk-NOSJUC3V.js";import"../chunks/chunk-6JHUWM2L.js";await o(i,new r);
//# sourceMappingURL=index.js.map
