/** The token input's default as action.yml writes it; the run treats it as "use GITHUB_TOKEN". */
export const TOKEN_DEFAULT = '${{ github.token }}';
