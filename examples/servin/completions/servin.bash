# bash completion for servin(1)
_servin() {
    local cur prev words
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    case "$prev" in
        servin)
            words="run ps vm version --version --config"
            ;;
        vm)
            words="start stop list"
            ;;
        start)
            # Template names: /etc/servin/vm/<name>.yaml
            local template
            words=""
            for template in /etc/servin/vm/*.yaml; do
                [ -e "$template" ] || continue
                template="${template##*/}"
                words="$words ${template%.yaml}"
            done
            ;;
        --config)
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return 0
            ;;
        *)
            return 0
            ;;
    esac
    mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}
complete -F _servin servin
