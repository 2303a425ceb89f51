import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as o}from"../chunks/chunk-OLV6SOLR.js";import"../chunks/chunk-EQ4AXWEL.js";import"../chunks/chunk-3MU7OOQZ.js";import"../chunks/chunk-VGSGA5SJ.js";import"../chunks/chunk-TMUFYHN2.js";import{a as r}from"../chunks/chunk-FLLG7OJP.js";import{c as i}from"../chunks/chunk-L2MW37RY.js";import"../chunks/chunk-NOSJUC3V.js";import"../chunks/chunk-6JHUWM2L.js";await i(o,new r);
//# sourceMappingURL=index.js.map
