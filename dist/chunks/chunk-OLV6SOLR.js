import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{b as i}from"./chunk-EQ4AXWEL.js";var r=i("build-archive","archive","Build release archives (.tar.gz for linux and macOS, .zip for Windows) for every platform in the config, in-process, with a detached .asc signature when a key is given.",{signing:!0});export{r as a};
//# sourceMappingURL=chunk-OLV6SOLR.js.map
